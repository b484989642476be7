"""Lesson 01's Greeter client in Python, as the original tutorial writes it
(`python greeter_client.py`), using code generated from the lesson's own
greeter.proto:

    build/solution/01-unary/python/client --target=127.0.0.1:50051 --name=Ada

It greets the C++ server, the Go one, or this lesson's Python server. The
flags and the one-line error are common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import greeter_pb2
import greeter_pb2_grpc
import workbook_plumbing


def main():
    args = workbook_plumbing.client_flags("Asks the lesson 01 Greeter to say hello.")
    # Creating the channel does not connect yet; the first call does.
    with grpc.insecure_channel(args.target) as channel:
        stub = greeter_pb2_grpc.GreeterStub(channel)
        try:
            # `timeout` is the call's deadline, in seconds.
            reply = stub.SayHello(greeter_pb2.HelloRequest(name=args.name),
                                  timeout=args.timeout)
        except grpc.RpcError as error:
            workbook_plumbing.report_failure("SayHello", args.target, error)
    print(f"Greeter replied: {reply.message}")


if __name__ == "__main__":
    main()
