"""Lesson 03's Greeter server in Python: the original tutorial's
SayHelloClientStream, using code generated from the lesson's own
client_streaming.proto by CMake:

    build/solution/03-client-streaming/python/server --port=50051

Like the C++ server, it answers once, after the client's last name, with one
greeting for everyone ("Hello, Ada, Grace and Linus!"), and an empty name
fails the whole call with INVALID_ARGUMENT ("name #2 must not be empty").
"""

import argparse
from concurrent import futures
import signal
import sys
import threading

import grpc

import client_streaming_pb2 as pb2  # the messages
import client_streaming_pb2_grpc as pb2_grpc  # the service


def greeting_for(names):
    if not names:
        return "Hello, nobody!"
    if len(names) == 1:
        return f"Hello, {names[0]}!"
    return f"Hello, {', '.join(names[:-1])} and {names[-1]}!"


class Greeter(pb2_grpc.GreeterServicer):
    # A client-streaming method gets an iterator of requests; the loop ends
    # when the client has sent its last one. Its return value is the reply.
    def SayHelloClientStream(self, request_iterator, context):
        names = []
        for request in request_iterator:
            if not request.name.strip(" "):
                context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                              f"name #{len(names) + 1} must not be empty")
            names.append(request.name)
        return pb2.HelloReply(message=greeting_for(names))


def serve():
    parser = argparse.ArgumentParser(description="Serves the lesson 03 Greeter.")
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
