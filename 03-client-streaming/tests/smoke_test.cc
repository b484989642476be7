// The lesson's two programs, run as a student runs them.
#include "common/testing/smoke.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace {

using workbook::testing::ProcessResult;
using workbook::testing::SmokeTest;

TEST_F(SmokeTest, DefaultRunGreetsAndUploadsGeneratedText) {
  const ProcessResult client = RunClient({});
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.out.find("Hello, Ada, Grace and Linus!"), std::string::npos)
      << client.out;
  EXPECT_NE(client.out.find("16 chunks, 1048576 bytes"), std::string::npos)
      << client.out;
  EXPECT_NE(client.out.find("matches what was sent"), std::string::npos)
      << client.out;
}

TEST_F(SmokeTest, UploadsAFileInChunks) {
  const std::string path = ::testing::TempDir() + "03-smoke-upload.txt";
  std::string contents;
  for (int i = 0; i < 500; ++i) contents += "line " + std::to_string(i) + "\n";
  std::ofstream(path, std::ios::binary) << contents;
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(contents.data()),
                          static_cast<uInt>(contents.size()));
  char crc_text[11];
  std::snprintf(crc_text, sizeof crc_text, "0x%08lx", crc);

  const ProcessResult client =
      RunClient({"--names=", "--file=" + path, "--chunk_bytes=1000"});
  std::remove(path.c_str());
  EXPECT_EQ(client.exit_code, 0) << client.err;
  EXPECT_NE(client.out.find("Hello, nobody!"), std::string::npos) << client.out;
  const std::string chunks = std::to_string((contents.size() + 999) / 1000);
  EXPECT_NE(
      client.out.find(chunks + " chunks, " + std::to_string(contents.size()) +
                      " bytes, " + "CRC-32 " + crc_text),
      std::string::npos)
      << client.out;
}

TEST_F(SmokeTest, ClientExplainsABadNameMidStream) {
  const ProcessResult client = RunClient({"--names=Ada,,Grace"});
  EXPECT_EQ(client.exit_code, 1);
  EXPECT_NE(client.err.find("INVALID_ARGUMENT"), std::string::npos)
      << client.err;
  EXPECT_NE(client.err.find("#2"), std::string::npos) << client.err;
}

TEST_F(SmokeTest, ClientRejectsAChunkSizeOverTheMessageLimit) {
  const ProcessResult client = RunClient({"--chunk_bytes=2000000"});
  EXPECT_EQ(client.exit_code, 2) << client.err;
  EXPECT_NE(client.err.find("--chunk_bytes"), std::string::npos) << client.err;
}

}  // namespace
