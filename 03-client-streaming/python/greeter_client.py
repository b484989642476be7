"""Lesson 03's Greeter client in Python: streams names to
SayHelloClientStream, each request built as the original tutorial builds it
(a name only), and prints the one reply:

    build/solution/03-client-streaming/python/client --name=Ada --name=Grace
"""

import argparse
import sys

import grpc

import client_streaming_pb2 as pb2
import client_streaming_pb2_grpc as pb2_grpc


def main():
    parser = argparse.ArgumentParser(description="Greets names through the lesson 03 Greeter.")
    parser.add_argument("--target", default="127.0.0.1:50051", help="the server's address, host:port")
    parser.add_argument("--name", action="append",
                        help="a name to send; repeat for more (default: Ada, Grace, Linus)")
    parser.add_argument("--deadline_ms", type=int, default=2000,
                        help="how long the call may take, in milliseconds")
    args = parser.parse_args()
    names = args.name if args.name is not None else ["Ada", "Grace", "Linus"]

    with grpc.insecure_channel(args.target) as channel:
        stub = pb2_grpc.GreeterStub(channel)
        # The request stream is any iterator; gRPC sends its items, closes
        # the client's side after the last one, then waits for the reply.
        requests = (pb2.HelloRequest(name=name) for name in names)
        try:
            reply = stub.SayHelloClientStream(requests, timeout=args.deadline_ms / 1000)
        except grpc.RpcError as error:
            print(f"error: SayHelloClientStream to {args.target} failed: "
                  f"{error.code().name}: {error.details()}", file=sys.stderr)
            return 1
    print(f"Greeter replied: {reply.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
