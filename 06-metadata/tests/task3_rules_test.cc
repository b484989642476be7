// Task 3: ValidateMetadata accepts exactly what gRPC accepts, minus the
// reserved "grpc-" prefix. The oracle is gRPC's own C API
// (grpc_header_key_is_legal, grpc_header_nonbin_value_is_legal,
// grpc_is_binary_header): the checks core runs before it aborts.
#include <grpc/grpc.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/plumbing/rpc_errors.h"
#include "metadata_rules.h"

namespace workbook::metadata {
namespace {

// [begin oracle]
// What gRPC 1.51 itself says about `key: value`, through its public C API.
bool GrpcAccepts(const std::string& key, const std::string& value) {
  grpc_slice key_slice = grpc_slice_from_copied_buffer(key.data(), key.size());
  grpc_slice value_slice =
      grpc_slice_from_copied_buffer(value.data(), value.size());
  const bool accepted = grpc_header_key_is_legal(key_slice) &&
                        (grpc_is_binary_header(key_slice) ||
                         grpc_header_nonbin_value_is_legal(value_slice));
  grpc_slice_unref(key_slice);
  grpc_slice_unref(value_slice);
  return accepted;
}
// [end oracle]

bool Reserved(const std::string& key) { return key.rfind("grpc-", 0) == 0; }

struct Entry {
  std::string key;
  std::string value;
};

std::vector<Entry> Cases() {
  std::vector<Entry> cases = {
      // Keys.
      {"x-request-id", "r-1"},
      {"authorization", "Bearer t"},
      {"a", "v"},
      {"0", "v"},
      {"a.b_c-d", "v"},
      {"x", ""},
      {"", "v"},
      {"Bad-Key", "v"},
      {"X", "v"},
      {"x-Request-Id", "v"},
      {"x key", "v"},
      {"x:key", "v"},
      {":path", "/"},
      {"x/y", "v"},
      {"x@y", "v"},
      {"caf\xc3\xa9", "v"},
      {"tab\tkey", "v"},
      {std::string("nul\0key", 7), "v"},
      {"x~y", "v"},
      {"x+y", "v"},
      {"grpc-custom", "v"},
      {"grpc-timeout", "1S"},
      {"grpc", "v"},
      {"x-grpc-thing", "v"},
      {"grpc-x-bin", "\x01"},
      // Values of ASCII keys.
      {"x", "printable ASCII ~!@#$%^&*()"},
      {"x", " leading space"},
      {"x", "caf\xc3\xa9"},
      {"x", "Z\xfcrich"},
      {"x", "line\nbreak"},
      {"x", "tab\there"},
      {"x", "del\x7f"},
      {"x", "bell\x07"},
      {"x", std::string("nul\0byte", 8)},
      {"x", "\x1f"},
      {"x", "~"},
      {"x", " "},
      // Values of binary keys.
      {"x-bin", "caf\xc3\xa9"},
      {"x-bin", std::string("\0\x01\xff", 3)},
      {"x-bin", "line\nbreak"},
      {"x-bin", ""},
      {"trace-context-bin", "\x80"},
      {"-bin", "\x80"},
      {"a-bin", "\x80"},
      {"x-BIN", "v"},
      {"x-bin-not", "\x80"},
      {"xbin", "\x80"},
      {"x_bin", "\x80"},
  };
  std::string all_bytes(256, '\0');
  for (int i = 0; i < 256; ++i) all_bytes[i] = static_cast<char>(i);
  cases.push_back({"all-bin", all_bytes});
  cases.push_back({"all", all_bytes});
  return cases;
}

// A printable rendering of a test case for failure messages.
std::string Show(const Entry& entry) {
  std::string text;
  for (const char c : entry.key + "\": \"" + entry.value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      text += c;
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      text += std::string("\\x") + kHex[byte >> 4] + kHex[byte & 15];
    }
  }
  return "\"" + text + "\"";
}

TEST(Task3_MetadataRules, AgreesWithGrpcOnEveryCase) {
  for (const Entry& entry : Cases()) {
    const bool expected =
        GrpcAccepts(entry.key, entry.value) && !Reserved(entry.key);
    const grpc::Status status = ValidateMetadata(entry.key, entry.value);
    EXPECT_EQ(status.ok(), expected)
        << Show(entry) << ": ValidateMetadata says " << DescribeStatus(status)
        << ", gRPC " << (expected ? "accepts" : "refuses")
        << (Reserved(entry.key) ? " (but the key is reserved)" : "");
    if (!status.ok()) {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
          << Show(entry);
    }
  }
}

// The message a refusal gets must name what to fix. Each case: a key and
// value, and words the message must contain.
struct Rule {
  std::string key;
  std::string value;
  std::vector<std::string> words;
};

TEST(Task3_MetadataRules, NamesTheKeyAndTheRuleItBreaks) {
  const std::vector<Rule> rules = {
      {"", "v", {"empty"}},
      {"Bad-Key", "v", {"\"Bad-Key\"", "lower case"}},
      {"x key", "v", {"\"x key\"", "character"}},
      {"grpc-custom", "v", {"\"grpc-custom\"", "grpc-", "reserve"}},
      {"x-city", "Z\xfcrich", {"\"x-city\"", "printable ASCII", "-bin"}},
  };
  for (const Rule& rule : rules) {
    const grpc::Status status = ValidateMetadata(rule.key, rule.value);
    ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << Show({rule.key, rule.value}) << ": " << DescribeStatus(status);
    for (const std::string& word : rule.words) {
      EXPECT_NE(status.error_message().find(word), std::string::npos)
          << "the message should contain " << word << ": "
          << status.error_message();
    }
  }
}

}  // namespace
}  // namespace workbook::metadata
