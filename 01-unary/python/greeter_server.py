"""Lesson 01's Greeter server in Python, as the original tutorial writes it
(`python greeter_server.py`), using code generated from the lesson's own
greeter.proto by CMake (protoc --python_out, grpc_python_plugin):

    build/solution/01-unary/python/server --port=50051

Any client of the proto can call it: the C++ client, the Go one, this
lesson's Python client.
"""

import argparse
from concurrent import futures
import signal
import sys
import threading

import grpc

import greeter_pb2  # the messages: HelloRequest, HelloReply
import greeter_pb2_grpc  # the service: GreeterServicer, GreeterStub


class Greeter(greeter_pb2_grpc.GreeterServicer):
    def SayHello(self, request, context):
        # Like the C++ server: an empty name is the caller's mistake.
        if not request.name.strip(" "):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "name must not be empty: set HelloRequest.name to who to greet")
        return greeter_pb2.HelloReply(message=f"Hello, {request.name}!")


def serve():
    parser = argparse.ArgumentParser(description="Serves the lesson 01 Greeter.")
    parser.add_argument("--port", type=int, default=50051,
                        help="port to listen on (127.0.0.1 only); 0 lets the system pick one")
    args = parser.parse_args()

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    greeter_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)
    try:
        port = server.add_insecure_port(f"127.0.0.1:{args.port}")  # the real port
    except RuntimeError:
        sys.exit(f"error: Python Greeter server cannot listen on 127.0.0.1:{args.port} "
                 "(is the port in use?)")
    server.start()

    # Ctrl-C or SIGTERM ends the wait below; ask for them before saying we
    # listen, so that a signal sent right after the line is not lost.
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    print(f"Python Greeter server listening on 127.0.0.1:{port} (Ctrl-C stops it)",
          flush=True)
    stop.wait()
    # Refuse new calls and let running ones finish, for 2 s at most.
    server.stop(grace=2).wait()
    print("Python Greeter server stopped", flush=True)


if __name__ == "__main__":
    serve()
