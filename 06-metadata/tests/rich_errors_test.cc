// The given rich errors (rich_errors.cc): details in, details out, and bytes
// that are not ours are ignored rather than trusted. A lesson check.
#include "rich_errors.h"

#include <gtest/gtest.h>

#include <string>

#include "metadata_keys.h"

namespace workbook::metadata {
namespace {

TEST(RichErrors, AnErrorInfoSurvivesTheRoundTrip) {
  const grpc::Status status =
      RichError(grpc::StatusCode::UNAUTHENTICATED, "no token", "TOKEN_MISSING",
                {{"header", "authorization"}});
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "no token");
  const std::optional<ErrorInfo> info = ErrorInfoOf(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "TOKEN_MISSING");
  EXPECT_EQ(info->domain(), kErrorDomain);
  EXPECT_EQ(info->metadata().at("header"), "authorization");
}

TEST(RichErrors, TheDetailsAreAStatusShapedMessage) {
  RichStatus rich;
  ASSERT_TRUE(rich.ParseFromString(
      RichError(grpc::StatusCode::NOT_FOUND, "gone", "GONE").error_details()));
  EXPECT_EQ(rich.code(), static_cast<int>(grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(rich.message(), "gone");
  ASSERT_EQ(rich.details_size(), 1);
  EXPECT_TRUE(rich.details(0).Is<ErrorInfo>());
}

TEST(RichErrors, DetailsThatAreNotOursGiveNothing) {
  EXPECT_FALSE(ErrorInfoOf(grpc::Status::OK).has_value());
  EXPECT_FALSE(
      ErrorInfoOf(grpc::Status(grpc::StatusCode::INTERNAL, "x")).has_value());
  EXPECT_FALSE(ErrorInfoOf(grpc::Status(grpc::StatusCode::INTERNAL, "x",
                                        std::string("\xff\xff\xff\x0f", 4)))
                   .has_value());
  RichStatus without_info;
  without_info.set_code(13);
  EXPECT_FALSE(ErrorInfoOf(grpc::Status(grpc::StatusCode::INTERNAL, "x",
                                        without_info.SerializeAsString()))
                   .has_value());
}

}  // namespace
}  // namespace workbook::metadata
