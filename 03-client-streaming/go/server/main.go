// Lesson 03's Greeter server in Go: the original tutorial's
// SayHelloClientStream, built by the workbook's CMake from the lesson's own
// client_streaming.proto:
//
//	build/solution/03-client-streaming/go/server --port=50051
//
// Like the C++ server, it answers once, after the client's last name, with
// one greeting for everyone ("Hello, Ada, Grace and Linus!"), and an empty
// name fails the whole call with INVALID_ARGUMENT ("name #2 must not be
// empty").
package main

import (
	"io"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"workbook/plumbing" // flags, listening, graceful stop: common/plumbing/go

	pb "workbook/client_streaming" // generated from client_streaming.proto
)

type server struct {
	pb.UnimplementedGreeterServer
}

// SayHelloClientStream reads names until the client closes its side
// (io.EOF), then sends the one reply and ends the call.
func (s *server) SayHelloClientStream(stream pb.Greeter_SayHelloClientStreamServer) error {
	var names []string
	for {
		in, err := stream.Recv()
		if err == io.EOF {
			return stream.SendAndClose(&pb.HelloReply{Message: greetingFor(names)})
		}
		if err != nil {
			return err
		}
		if strings.Trim(in.GetName(), " ") == "" {
			return status.Errorf(codes.InvalidArgument, "name #%d must not be empty", len(names)+1)
		}
		names = append(names, in.GetName())
	}
}

func greetingFor(names []string) string {
	switch len(names) {
	case 0:
		return "Hello, nobody!"
	case 1:
		return "Hello, " + names[0] + "!"
	}
	return "Hello, " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + "!"
}

func main() {
	port := plumbing.ServerPort()
	// The tutorial's RegisterGreeterServer, on the workbook's server.
	plumbing.Serve(func(s *grpc.Server) { pb.RegisterGreeterServer(s, &server{}) }, port)
}
