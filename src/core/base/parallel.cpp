#include "aepflow/base/parallel.hpp"

#include <future>

namespace aepflow {

Result<void> run_steps(const std::vector<Step>& steps, bool concurrent) {
  if (!concurrent || steps.size() < 2) {
    for (const auto& step : steps) {
      if (auto ok = step(); !ok) return ok;
    }
    return {};
  }
  std::vector<std::future<Result<void>>> others;
  others.reserve(steps.size() - 1);
  for (std::size_t i = 1; i < steps.size(); ++i) {
    others.push_back(std::async(std::launch::async, steps[i]));
  }
  Result<void> first = steps[0]();
  // get() waits for each, and passes on an exception thrown in its thread.
  std::vector<Result<void>> rest;
  rest.reserve(others.size());
  for (auto& f : others)
    rest.push_back(f.get());
  if (!first) return first;
  for (auto& r : rest) {
    if (!r) return r;
  }
  return {};
}

}  // namespace aepflow
