#pragma once
// Small helpers every part of the emulator uses: text, JSON fields, answers.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "errors.hpp"
#include "service.hpp"

namespace emulator {

std::string lower(std::string s);
// A string field of an object, or "" (not an object, missing, or not a string).
std::string str(const nlohmann::json& obj, const char* key);
std::vector<std::string> split_path(const std::string& path);
std::string join(const std::vector<std::string>& v, const std::string& sep);
std::string percent_decode(const std::string& s);
std::string percent_encode(const std::string& s);
std::string base64url(const std::string& in);
std::string base64url_decode(const std::string& in, bool& ok);

Response reply(int status, const nlohmann::json& body);
Response reply(const Failure& f);
Response empty_reply(int status);

}  // namespace emulator
