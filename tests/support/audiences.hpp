#pragma once
// The two audiences of Adobe's tutorial, used wherever a test activates something.

namespace test {

inline constexpr const char* kBiking = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
inline constexpr const char* kLoyalty = "25768be6-ebd5-45cc-8913-12fb3f348613";

}  // namespace test
