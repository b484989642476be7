// Lesson 02's Greeter server in Go: the original tutorial's
// SayHelloServerStream, built by the workbook's CMake from the lesson's own
// server_streaming.proto:
//
//	build/solution/02-server-streaming/go/server --port=50051
//
// It follows the C++ server's rules: a request with only a name (as the
// tutorial sends it) gets one greeting in each language; an empty name or a
// count over 1000 is INVALID_ARGUMENT.
package main

import (
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"workbook/plumbing" // flags, listening, graceful stop: common/plumbing/go

	pb "workbook/server_streaming" // generated from server_streaming.proto
)

var greetings = []string{"Hello", "Bonjour", "Hola", "Ciao", "Hallo", "Olá", "Hej", "Merhaba"}

const maxGreetings = 1000

type server struct {
	pb.UnimplementedGreeterServer
}

// SayHelloServerStream sends each greeting with stream.Send; returning ends
// the stream (nil: OK).
func (s *server) SayHelloServerStream(in *pb.HelloRequest, stream pb.Greeter_SayHelloServerStreamServer) error {
	if strings.Trim(in.GetName(), " ") == "" {
		return status.Error(codes.InvalidArgument, "name must not be empty")
	}
	count := in.GetCount()
	if count == 0 { // unset: one greeting per language
		count = uint32(len(greetings))
	}
	if count > maxGreetings {
		return status.Errorf(codes.InvalidArgument,
			"count is %d: set HelloRequest.count to how many greetings you want, 1 to %d (unset: %d)",
			count, maxGreetings, len(greetings))
	}
	for i := uint32(0); i < count; i++ {
		hello := greetings[int(i)%len(greetings)]
		if err := stream.Send(&pb.HelloReply{Message: hello + ", " + in.GetName() + "!"}); err != nil {
			return err // the client went away: nobody to send to
		}
	}
	return nil
}

func main() {
	port := plumbing.ServerPort()
	// The tutorial's RegisterGreeterServer, on the workbook's server.
	plumbing.Serve(func(s *grpc.Server) { pb.RegisterGreeterServer(s, &server{}) }, port)
}
