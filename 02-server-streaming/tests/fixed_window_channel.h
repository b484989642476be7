// A client channel whose HTTP/2 flow-control window stays at its initial
// size, for tests that count how far a server can run ahead of its reader.
#ifndef WORKBOOK_02_SERVER_STREAMING_TESTS_FIXED_WINDOW_CHANNEL_H_
#define WORKBOOK_02_SERVER_STREAMING_TESTS_FIXED_WINDOW_CHANNEL_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <string>

namespace workbook::server_streaming {

/// The receive window a client announces for each stream: how many bytes a
/// server may send before the client's application reads some of them.
/// gRPC's default, and the HTTP/2 default.
inline constexpr int kStreamWindowBytes = 64 * 1024;

/// A new channel to `address` with that window fixed. By default gRPC grows
/// the window on fast links ("BDP probing"), which is good for throughput but
/// makes the bound on unread data depend on the link; turned off here so the
/// tests can state it.
inline std::shared_ptr<grpc::Channel> FixedWindowChannel(
    const std::string& address) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, kStreamWindowBytes);
  // Its own connection, not one shared with another channel of the test.
  static std::atomic<int> channel_number{0};
  args.SetInt("workbook.fixed_window_channel", ++channel_number);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

}  // namespace workbook::server_streaming

#endif  // WORKBOOK_02_SERVER_STREAMING_TESTS_FIXED_WINDOW_CHANNEL_H_
