"""Lesson 02's Greeter client in Python: calls SayHelloServerStream the way
the original tutorial does (a name only) and prints each greeting as it
arrives:

    build/solution/02-server-streaming/python/client --target=127.0.0.1:50051 --name=Ada
"""

import argparse
import sys

import grpc

import server_streaming_pb2 as pb2
import server_streaming_pb2_grpc as pb2_grpc


def main():
    parser = argparse.ArgumentParser(description="Reads the lesson 02 Greeter's stream.")
    parser.add_argument("--target", default="127.0.0.1:50051", help="the server's address, host:port")
    parser.add_argument("--name", default="world", help="who the server should greet")
    parser.add_argument("--deadline_ms", type=int, default=2000,
                        help="how long the whole stream may take, in milliseconds")
    args = parser.parse_args()

    with grpc.insecure_channel(args.target) as channel:
        stub = pb2_grpc.GreeterStub(channel)
        try:
            # A server stream is an iterator of replies; the loop ends when
            # the server ends the stream, or raises its error (possibly after
            # some replies: those were real, and are printed already).
            for reply in stub.SayHelloServerStream(pb2.HelloRequest(name=args.name),
                                                   timeout=args.deadline_ms / 1000):
                print(f"Greeter replied: {reply.message}", flush=True)
        except grpc.RpcError as error:
            print(f"error: SayHelloServerStream to {args.target} failed: "
                  f"{error.code().name}: {error.details()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
