#pragma once
// List answers: the query parameters a list takes (property, orderby, limit, continuationToken,
// count), the envelope {items, _links, count} with `_links` on every page and `next` only when
// there is more, and continuation tokens that are refused when they were not issued for this
// query. Unknown parameters are refused with 1451, as Adobe's catalogue lists.

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

// A failure when the request carries a query parameter outside `allowed`.
std::optional<Failure> check_query_params(const Call& call,
                                          std::initializer_list<const char*> allowed);

// Filters, sorts and pages `all` (in the service's default order) as the query asks. `resource`
// names the documented fields ("flows"); `path` is the list's path for `_links.next.href`.
Response list(const Call& call, const std::vector<const nlohmann::json*>& all,
              const std::string& resource, const std::string& path);

}  // namespace emulator
