#include "aepflow/specs/key_params.hpp"

#include <cstdint>
#include <optional>

#include "aepflow/base/base64.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/specs/spec_check.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

// "RSA PRIVATE KEY" for text that starts "-----BEGIN RSA PRIVATE KEY-----"; empty otherwise.
std::string armor_label(std::string_view text) {
  constexpr std::string_view begin = "-----BEGIN ";
  if (!text.starts_with(begin)) return {};
  const auto end = text.find("-----", begin.size());
  if (end == std::string_view::npos) return {};
  return std::string(text.substr(begin.size(), end - begin.size()));
}

// The base64 body between the armor lines, headers ("Proc-Type: ...") skipped.
std::string armor_body(std::string_view text) {
  std::string body;
  std::size_t pos = text.find('\n');
  while (pos != std::string_view::npos && pos + 1 < text.size()) {
    const std::size_t next = text.find('\n', pos + 1);
    std::string_view line = trimmed(text.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1));
    pos = next;
    if (line.starts_with("-----END")) break;
    if (line.find(':') != std::string_view::npos) continue;  // a header
    body += line;
  }
  return body;
}

// A reader of the length-prefixed strings of the OpenSSH key format.
struct SshReader {
  std::string_view data;
  std::optional<std::string_view> string() {
    if (data.size() < 4) return std::nullopt;
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i)
      n = n << 8 | static_cast<unsigned char>(data[static_cast<std::size_t>(i)]);
    data.remove_prefix(4);
    if (n > data.size()) return std::nullopt;
    auto out = data.substr(0, n);
    data.remove_prefix(n);
    return out;
  }
  bool skip(std::size_t n) {
    if (n > data.size()) return false;
    data.remove_prefix(n);
    return true;
  }
};

struct OpenSshKey {
  std::string cipher;    // "none" when not protected
  std::string key_type;  // "ssh-rsa", "ssh-ed25519"
};

std::optional<OpenSshKey> read_openssh(std::string_view pem) {
  auto bytes = base64_decode(armor_body(pem));
  constexpr std::string_view magic{"openssh-key-v1\0", 15};
  if (!bytes || !std::string_view(*bytes).starts_with(magic)) return std::nullopt;
  SshReader r{std::string_view(*bytes).substr(magic.size())};
  auto cipher = r.string();
  auto kdf = r.string();
  auto kdf_options = r.string();
  if (!cipher || !kdf || !kdf_options || !r.skip(4)) return std::nullopt;  // the key count
  auto public_key = r.string();
  if (!public_key) return std::nullopt;
  SshReader pk{*public_key};
  auto type = pk.string();
  if (!type) return std::nullopt;
  return OpenSshKey{std::string(*cipher), std::string(*type)};
}

const std::string passphrase_hint =
    ": the service cannot use a passphrase-protected key. Give it a copy without one, e.g. "
    "`cp ~/.ssh/id_rsa export_key && ssh-keygen -p -N '' -f export_key`, and keep that copy "
    "private";

// Whether `pem` (armored text) is a private key the service can use; warnings for non-RSA keys.
Result<void> check_private_key(std::string_view pem, std::string_view what,
                               std::vector<std::string>& warnings) {
  const std::string label = armor_label(pem);
  const std::string name(what);
  if (label == "ENCRYPTED PRIVATE KEY" || pem.find("Proc-Type: 4,ENCRYPTED") != pem.npos) {
    return usage(name + " is encrypted" + passphrase_hint);
  }
  if (label == "OPENSSH PRIVATE KEY") {
    auto key = read_openssh(pem);
    if (!key) return usage(name + ": the OpenSSH private key cannot be read (is the file whole?)");
    if (key->cipher != "none") {
      return usage(name + " is encrypted (" + key->cipher + ")" + passphrase_hint);
    }
    if (key->key_type != "ssh-rsa") {
      warnings.push_back(name + " is an " + key->key_type +
                         " key; the SFTP cards document RSA private keys");
    }
    return {};
  }
  if (label == "RSA PRIVATE KEY" || label == "PRIVATE KEY") return {};
  if (label == "EC PRIVATE KEY" || label == "DSA PRIVATE KEY") {
    warnings.push_back(name + " is an " + label.substr(0, label.find(' ')) +
                       " key; the SFTP cards document RSA private keys");
    return {};
  }
  if (label.find("PUBLIC KEY") != std::string::npos) {
    return usage(name +
                 " is a public key; the SFTP card takes the private key (id_rsa, not "
                 "id_rsa.pub), whose public half the server trusts");
  }
  return usage(name + ": '" + label + "' is not an SSH private key");
}

std::string with_newline(std::string_view text) {
  std::string s(text);
  if (!s.ends_with('\n')) s += '\n';
  return s;
}

Result<std::string> not_a_key(std::string_view what, std::string_view expected) {
  return usage(std::string(what) + ": expected " + std::string(expected));
}

}  // namespace

Result<std::string> ssh_private_key_param(std::string_view text, std::string_view what,
                                          std::vector<std::string>& warnings) {
  constexpr std::string_view expected =
      "an SSH private key: the key file (sshKey=@PATH, e.g. @~/.ssh/id_rsa) or its base64";
  const std::string_view t = trimmed(text);
  if (t.starts_with("-----BEGIN")) {
    if (auto ok = check_private_key(t, what, warnings); !ok) return std::unexpected(ok.error());
    return base64_encode(with_newline(t));
  }
  if (t.starts_with("ssh-") || t.starts_with("ecdsa-")) {
    return usage(std::string(what) +
                 " is a public key (an authorized_keys line); the SFTP card takes the private key");
  }
  if (t.starts_with("PuTTY-User-Key-File")) {
    return usage(std::string(what) +
                 " is a PuTTY key; convert it first: puttygen KEY.ppk -O private-openssh -o "
                 "id_rsa");
  }
  auto decoded = base64_decode(t);
  if (!decoded || t.empty()) return not_a_key(what, expected);
  const std::string_view inner = trimmed(*decoded);
  if (!inner.starts_with("-----BEGIN")) return not_a_key(what, expected);
  if (auto ok = check_private_key(inner, what, warnings); !ok) return std::unexpected(ok.error());
  std::string compact;
  for (char c : t) {
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') compact += c;
  }
  return compact;
}

Result<std::string> pgp_public_key_param(std::string_view text, std::string_view what) {
  constexpr std::string_view expected =
      "a PGP public key: the armored key file (`gpg --armor --export KEYID > public.asc`, then "
      "@public.asc) or its base64";
  const std::string name(what);
  auto private_key = [&]() -> Result<void> {
    return usage(name +
                 " is a private key: give the public key (gpg --armor --export KEYID); the "
                 "private key stays with whoever decrypts the files");
  };
  auto check = [&](std::string_view armored) -> Result<void> {
    const std::string label = armor_label(armored);
    if (label == "PGP PUBLIC KEY BLOCK") return {};
    if (label.find("PRIVATE KEY") != std::string::npos) return private_key();
    return usage(name + ": expected " + std::string(expected));
  };
  const std::string_view t = trimmed(text);
  if (t.starts_with("-----BEGIN")) {
    if (auto ok = check(t); !ok) return std::unexpected(ok.error());
    return base64_encode(with_newline(t));
  }
  auto decoded = base64_decode(t);
  if (!decoded || t.empty()) return not_a_key(what, expected);
  const std::string_view inner = trimmed(*decoded);
  if (inner.starts_with("-----BEGIN")) {
    if (auto ok = check(inner); !ok) return std::unexpected(ok.error());
    return std::string(t);
  }
  // Binary OpenPGP: the first packet's tag says which key it is (6 public, 5 secret).
  const auto first = static_cast<unsigned char>(inner.empty() ? 0 : inner.front());
  if ((first & 0x80) == 0) return not_a_key(what, expected);
  const unsigned tag = (first & 0x40) ? (first & 0x3fU) : ((first >> 2) & 0x0fU);
  if (tag == 5) return std::unexpected(private_key().error());
  if (tag != 6) return not_a_key(what, expected);
  return std::string(t);
}

Result<void> encode_key_params(const json& schema, json& params, std::vector<std::string>& warnings,
                               bool skip_references) {
  if (!schema.is_object() || !params.is_object()) return {};
  const json& properties = object_member(schema, "properties");
  for (auto& [name, value] : params.items()) {
    auto p = properties.find(name);
    if (p == properties.end() || !p->is_object() || text_of(*p, "contentEncoding") != "base64") {
      continue;
    }
    if (!value.is_string() ||
        (skip_references && is_param_reference(value.get_ref<const std::string&>()))) {
      continue;
    }
    const std::string what = "param " + name;
    const auto& text = value.get_ref<const std::string&>();
    Result<std::string> encoded =
        name == "sshKey"      ? ssh_private_key_param(text, what, warnings)
        : name == "publicKey" ? pgp_public_key_param(text, what)
        : trimmed(text).starts_with("-----BEGIN")
            ? Result<std::string>(base64_encode(with_newline(trimmed(text))))
            : Result<std::string>(std::string(text));
    if (!encoded) return std::unexpected(encoded.error());
    value = std::move(*encoded);
  }
  return {};
}

}  // namespace aepflow
