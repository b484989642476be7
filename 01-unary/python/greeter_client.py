"""Lesson 01's Greeter client in Python, as the original tutorial writes it
(`python greeter_client.py`), using code generated from the lesson's own
greeter.proto:

    build/solution/01-unary/python/client --target=127.0.0.1:50051 --name=Ada

It greets the C++ server, the Go one, or this lesson's Python server.
"""

import argparse
import sys

import grpc

import greeter_pb2
import greeter_pb2_grpc


def main():
    parser = argparse.ArgumentParser(description="Asks the lesson 01 Greeter to say hello.")
    parser.add_argument("--target", default="127.0.0.1:50051", help="the server's address, host:port")
    parser.add_argument("--name", default="world", help="who the server should greet")
    parser.add_argument("--deadline_ms", type=int, default=2000,
                        help="how long the call may take, in milliseconds")
    args = parser.parse_args()

    # Creating the channel does not connect yet; the first call does.
    with grpc.insecure_channel(args.target) as channel:
        stub = greeter_pb2_grpc.GreeterStub(channel)
        try:
            # `timeout` is the call's deadline, in seconds.
            reply = stub.SayHello(greeter_pb2.HelloRequest(name=args.name),
                                  timeout=args.deadline_ms / 1000)
        except grpc.RpcError as error:
            # One line, as every workbook client prints a failed call.
            print(f"error: SayHello to {args.target} failed: "
                  f"{error.code().name}: {error.details()}", file=sys.stderr)
            return 1
    print(f"Greeter replied: {reply.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
