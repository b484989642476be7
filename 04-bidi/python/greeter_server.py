"""Lesson 04's Greeter server in Python: the original tutorial's
SayHelloBiStream, using code generated from the lesson's own bidi.proto by
CMake:

    build/solution/04-bidi/python/server --port=50051

Like the C++ server, it answers each name at once ("Hello, Ada!"), while the
client may still be sending, and an empty name ends the call with
INVALID_ARGUMENT.
"""

import argparse
from concurrent import futures
import signal
import sys
import threading

import grpc

import bidi_pb2 as pb2  # the messages
import bidi_pb2_grpc as pb2_grpc  # the services


class Greeter(pb2_grpc.GreeterServicer):
    # Requests in, replies out: a generator over the request iterator. Each
    # reply is sent as soon as it is yielded, before the next name arrives.
    def SayHelloBiStream(self, request_iterator, context):
        for request in request_iterator:
            if not request.name.strip(" "):
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "name must not be empty")
            yield pb2.HelloReply(message=f"Hello, {request.name}!")


def serve():
    parser = argparse.ArgumentParser(description="Serves the lesson 04 Greeter.")
    parser.add_argument("--port", type=int, default=50051,
                        help="port to listen on (127.0.0.1 only); 0 lets the system pick one")
    args = parser.parse_args()

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)
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
    server.stop(grace=2).wait()  # running calls get 2 s to finish
    print("Python Greeter server stopped", flush=True)


if __name__ == "__main__":
    serve()
