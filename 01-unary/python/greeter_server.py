"""Lesson 01's Greeter server in Python, as the original tutorial writes it
(`python greeter_server.py`), using code generated from the lesson's own
greeter.proto by CMake (protoc --python_out, grpc_python_plugin):

    build/solution/01-unary/python/server --port=50051

Any client of the proto can call it: the C++ client, the Go one, this
lesson's Python client. What every workbook server does around the servicer
(flags, listening on 127.0.0.1, stopping on Ctrl-C or SIGTERM) is in
common/plumbing/python/workbook_plumbing.py.
"""

import grpc

import greeter_pb2  # the messages: HelloRequest, HelloReply
import greeter_pb2_grpc  # the service: GreeterServicer, GreeterStub
import workbook_plumbing


class Greeter(greeter_pb2_grpc.GreeterServicer):
    def SayHello(self, request, context):
        # Like the C++ server: an empty name is the caller's mistake.
        if not request.name.strip(" "):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "name must not be empty: set HelloRequest.name to who to greet")
        return greeter_pb2.HelloReply(message=f"Hello, {request.name}!")


def serve():
    args = workbook_plumbing.server_flags("Serves the lesson 01 Greeter.")
    # The tutorial's add_GreeterServicer_to_server, on the workbook's server.
    workbook_plumbing.serve(
        lambda server: greeter_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server),
        args.port)


if __name__ == "__main__":
    serve()
