// Lesson 06 (given): what the two programs agree on when run without flags.
#ifndef WORKBOOK_06_METADATA_DEMO_H_
#define WORKBOOK_06_METADATA_DEMO_H_

#include <string_view>

namespace workbook::metadata {

/// The token the server program accepts, and the client program sends,
/// unless --token says otherwise. A demo value: a real token is a secret
/// that never appears in source code.
inline constexpr std::string_view kDemoToken = "workbook-demo-token";

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_DEMO_H_
