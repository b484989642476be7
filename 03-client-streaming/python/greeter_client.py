"""Lesson 03's Greeter client in Python: streams names to
SayHelloClientStream, each request built as the original tutorial builds it
(a name only), and prints the one reply:

    build/solution/03-client-streaming/python/client --name=Ada --name=Grace

The flags (--name repeats; default Ada, Grace, Linus) and the one-line error
are common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import client_streaming_pb2 as pb2
import client_streaming_pb2_grpc as pb2_grpc
import workbook_plumbing


def main():
    args = workbook_plumbing.client_flags("Greets names through the lesson 03 Greeter.",
                                          many_names=True)
    with grpc.insecure_channel(args.target) as channel:
        stub = pb2_grpc.GreeterStub(channel)
        # The request stream is any iterator; gRPC sends its items, closes
        # the client's side after the last one, then waits for the reply.
        requests = (pb2.HelloRequest(name=name) for name in args.name)
        try:
            reply = stub.SayHelloClientStream(requests, timeout=args.timeout)
        except grpc.RpcError as error:
            workbook_plumbing.report_failure("SayHelloClientStream", args.target, error)
    print(f"Greeter replied: {reply.message}")


if __name__ == "__main__":
    main()
