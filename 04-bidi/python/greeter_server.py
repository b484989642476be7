"""Lesson 04's Greeter server in Python: the original tutorial's
SayHelloBiStream, using code generated from the lesson's own bidi.proto by
CMake:

    build/solution/04-bidi/python/server --port=50051

Like the C++ server, it answers each name at once ("Hello, Ada!"), while the
client may still be sending, and an empty name ends the call with
INVALID_ARGUMENT. Flags, listening and stopping are
common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import bidi_pb2 as pb2  # the messages
import bidi_pb2_grpc as pb2_grpc  # the services
import workbook_plumbing


class Greeter(pb2_grpc.GreeterServicer):
    # Requests in, replies out: a generator over the request iterator. Each
    # reply is sent as soon as it is yielded, before the next name arrives.
    def SayHelloBiStream(self, request_iterator, context):
        for request in request_iterator:
            if not request.name.strip(" "):
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "name must not be empty")
            yield pb2.HelloReply(message=f"Hello, {request.name}!")


def serve():
    args = workbook_plumbing.server_flags("Serves the lesson 04 Greeter.")
    workbook_plumbing.serve(
        lambda server: pb2_grpc.add_GreeterServicer_to_server(Greeter(), server),
        args.port)


if __name__ == "__main__":
    serve()
