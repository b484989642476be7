"""What every workbook Python program does around its one gRPC method, written
once for lessons 01-04 (the lesson's greeter_server.py and greeter_client.py
keep what the original tutorial teaches: the servicer, and the call).

CMake puts this folder on the launchers' PYTHONPATH, beside the lesson's
generated *_pb2.py, so a lesson simply does `import workbook_plumbing`.

The output is a contract the workbook's tests and `./workbook run` rely on:
  server  --port=N (0: the system picks), a flushed line
          "Python Greeter server listening on 127.0.0.1:<port> ...",
          exit 0 on SIGTERM or Ctrl-C after a graceful stop;
  client  --target, --name, --deadline_ms; a failed call is one line on
          stderr, "error: <Method> to <target> failed: <CODE>: <message>",
          and exit status 1.
"""

import argparse
from concurrent import futures
import signal
import sys
import threading

import grpc

# The names a streaming client sends when given no --name.
DEFAULT_NAMES = ["Ada", "Grace", "Linus"]


def server_flags(description):
    """Parses the server's command line: --port (default 50051)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, default=50051,
                        help="port to listen on (127.0.0.1 only); 0 lets the system pick one")
    return parser.parse_args()


def serve(add_servicer, port):
    """Runs a server on 127.0.0.1:`port` until SIGTERM or Ctrl-C.

    `add_servicer(server)` registers the lesson's servicer, e.g.
    `lambda server: pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)`,
    as the tutorial's serve() does.
    """
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    add_servicer(server)
    try:
        port = server.add_insecure_port(f"127.0.0.1:{port}")  # the real port
    except RuntimeError:
        sys.exit(f"error: Python Greeter server cannot listen on 127.0.0.1:{port} "
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


def client_flags(description, many_names=False):
    """Parses the client's command line: --target, --name, --deadline_ms.

    With `many_names` (the streaming-request lessons) --name may be repeated
    and `args.name` is a list (DEFAULT_NAMES when none is given); otherwise
    it is one name, "world" by default.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--target", default="127.0.0.1:50051", help="the server's address, host:port")
    if many_names:
        parser.add_argument("--name", action="append",
                            help="a name to send; repeat for more (default: Ada, Grace, Linus)")
    else:
        parser.add_argument("--name", default="world", help="who the server should greet")
    parser.add_argument("--deadline_ms", type=int, default=2000,
                        help="how long the call may take, in milliseconds")
    args = parser.parse_args()
    if many_names and args.name is None:
        args.name = list(DEFAULT_NAMES)
    # What the tutorial passes as `timeout=`: the call's deadline, in seconds.
    args.timeout = args.deadline_ms / 1000
    return args


def report_failure(method, target, rpc_error):
    """Prints the one line every workbook client prints for a failed call,
    "error: <Method> to <target> failed: <CODE>: <message>", and exits 1.
    (Leaving a `with grpc.insecure_channel(...)` block this way still closes
    the channel.)"""
    print(f"error: {method} to {target} failed: "
          f"{rpc_error.code().name}: {rpc_error.details()}", file=sys.stderr)
    sys.exit(1)
