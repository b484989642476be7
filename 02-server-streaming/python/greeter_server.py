"""Lesson 02's Greeter server in Python: the original tutorial's
SayHelloServerStream, using code generated from the lesson's own
server_streaming.proto by CMake:

    build/solution/02-server-streaming/python/server --port=50051

It follows the C++ server's rules: a request with only a name (as the
tutorial sends it) gets one greeting in each language; an empty name or a
count over 1000 is INVALID_ARGUMENT. Flags, listening and stopping are
common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import server_streaming_pb2 as pb2  # the messages
import server_streaming_pb2_grpc as pb2_grpc  # the service
import workbook_plumbing

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
    args = workbook_plumbing.server_flags("Serves the lesson 02 Greeter.")
    workbook_plumbing.serve(
        lambda server: pb2_grpc.add_GreeterServicer_to_server(Greeter(), server),
        args.port)


if __name__ == "__main__":
    serve()
