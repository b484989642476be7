"""Lesson 02's Greeter client in Python: calls SayHelloServerStream the way
the original tutorial does (a name only) and prints each greeting as it
arrives:

    build/solution/02-server-streaming/python/client --target=127.0.0.1:50051 --name=Ada

The flags and the one-line error are common/plumbing/python/workbook_plumbing.py;
--deadline_ms bounds the whole stream.
"""

import grpc

import server_streaming_pb2 as pb2
import server_streaming_pb2_grpc as pb2_grpc
import workbook_plumbing


def main():
    args = workbook_plumbing.client_flags("Reads the lesson 02 Greeter's stream.")
    with grpc.insecure_channel(args.target) as channel:
        stub = pb2_grpc.GreeterStub(channel)
        try:
            # A server stream is an iterator of replies; the loop ends when
            # the server ends the stream, or raises its error (possibly after
            # some replies: those were real, and are printed already).
            for reply in stub.SayHelloServerStream(pb2.HelloRequest(name=args.name),
                                                   timeout=args.timeout):
                print(f"Greeter replied: {reply.message}", flush=True)
        except grpc.RpcError as error:
            workbook_plumbing.report_failure("SayHelloServerStream", args.target, error)


if __name__ == "__main__":
    main()
