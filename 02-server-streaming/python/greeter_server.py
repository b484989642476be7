"""Lesson 02's Greeter server in Python: the original tutorial's
SayHelloServerStream, using code generated from the lesson's own
server_streaming.proto by CMake:

    build/solution/02-server-streaming/python/server --port=50051

It follows the C++ server's rules: a request with only a name (as the
tutorial sends it) gets one greeting in each language; an empty name or a
count over 1000 is INVALID_ARGUMENT.
"""

import argparse
from concurrent import futures
import signal
import sys
import threading

import grpc

import server_streaming_pb2 as pb2  # the messages
import server_streaming_pb2_grpc as pb2_grpc  # the service

GREETINGS = ["Hello", "Bonjour", "Hola", "Ciao", "Hallo", "Olá", "Hej", "Merhaba"]
MAX_GREETINGS = 1000


class Greeter(pb2_grpc.GreeterServicer):
    # A server-streaming method is a generator: each `yield` sends one
    # message, and returning ends the stream with OK.
    def SayHelloServerStream(self, request, context):
        if not request.name.strip(" "):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "name must not be empty")
        count = request.count or len(GREETINGS)  # unset (0): one per language
        if count > MAX_GREETINGS:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          f"count is {count}: set HelloRequest.count to how many "
                          f"greetings you want, 1 to {MAX_GREETINGS} "
                          f"(unset: {len(GREETINGS)})")
        for i in range(count):
            yield pb2.HelloReply(message=f"{GREETINGS[i % len(GREETINGS)]}, {request.name}!")


def serve():
    parser = argparse.ArgumentParser(description="Serves the lesson 02 Greeter.")
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
