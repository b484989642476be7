"""Lesson 03's Greeter server in Python: the original tutorial's
SayHelloClientStream, using code generated from the lesson's own
client_streaming.proto by CMake:

    build/solution/03-client-streaming/python/server --port=50051

Like the C++ server, it answers once, after the client's last name, with one
greeting for everyone ("Hello, Ada, Grace and Linus!"), and an empty name
fails the whole call with INVALID_ARGUMENT ("name #2 must not be empty").
Flags, listening and stopping are common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import client_streaming_pb2 as pb2  # the messages
import client_streaming_pb2_grpc as pb2_grpc  # the service
import workbook_plumbing


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
    args = workbook_plumbing.server_flags("Serves the lesson 03 Greeter.")
    workbook_plumbing.serve(
        lambda server: pb2_grpc.add_GreeterServicer_to_server(Greeter(), server),
        args.port)


if __name__ == "__main__":
    serve()
