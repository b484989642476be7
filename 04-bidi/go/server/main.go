// Lesson 04's Greeter server in Go: the original tutorial's SayHelloBiStream,
// built by the workbook's CMake from the lesson's own bidi.proto:
//
//	build/solution/04-bidi/go/server --port=50051
//
// Like the C++ server, it answers each name at once ("Hello, Ada!"), while
// the client may still be sending, and an empty name ends the call with
// INVALID_ARGUMENT.
package main

import (
	"io"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"workbook/plumbing" // flags, listening, graceful stop: common/plumbing/go

	pb "workbook/bidi" // generated from bidi.proto
)

type server struct {
	pb.UnimplementedGreeterServer
}

// SayHelloBiStream answers every name as it arrives, until the client closes
// its side (io.EOF); returning nil ends the call with OK.
func (s *server) SayHelloBiStream(stream pb.Greeter_SayHelloBiStreamServer) error {
	for {
		in, err := stream.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if strings.Trim(in.GetName(), " ") == "" {
			return status.Error(codes.InvalidArgument, "name must not be empty")
		}
		if err := stream.Send(&pb.HelloReply{Message: "Hello, " + in.GetName() + "!"}); err != nil {
			return err
		}
	}
}

func main() {
	port := plumbing.ServerPort()
	// The tutorial's RegisterGreeterServer, on the workbook's server.
	plumbing.Serve(func(s *grpc.Server) { pb.RegisterGreeterServer(s, &server{}) }, port)
}
