"""Lesson 04's Greeter client in Python: streams names to SayHelloBiStream,
each request built as the original tutorial builds it (a name only), and
prints each reply as it arrives:

    build/solution/04-bidi/python/client --name=Ada --name=Grace

The flags (--name repeats; default Ada, Grace, Linus) and the one-line error
are common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import bidi_pb2 as pb2
import bidi_pb2_grpc as pb2_grpc
import workbook_plumbing


def main():
    args = workbook_plumbing.client_flags("Greets names through the lesson 04 Greeter.",
                                          many_names=True)
    with grpc.insecure_channel(args.target) as channel:
        stub = pb2_grpc.GreeterStub(channel)
        # gRPC sends the requests from its own thread while this one reads
        # the replies: the two directions do not wait for each other.
        requests = (pb2.HelloRequest(name=name) for name in args.name)
        try:
            for reply in stub.SayHelloBiStream(requests, timeout=args.timeout):
                print(f"Greeter replied: {reply.message}", flush=True)
        except grpc.RpcError as error:
            workbook_plumbing.report_failure("SayHelloBiStream", args.target, error)


if __name__ == "__main__":
    main()
