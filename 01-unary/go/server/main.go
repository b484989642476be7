// Lesson 01's Greeter server in Go, as the original tutorial writes it
// (`go run server/main.go`), but built by the workbook's CMake from the
// lesson's own greeter.proto:
//
//	build/solution/01-unary/go/server --port=50051
//
// Any client of the proto can call it: the C++ client, the Python one, this
// lesson's Go client.
package main

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"workbook/plumbing" // flags, listening, graceful stop: common/plumbing/go

	// Generated from greeter.proto (package workbook.unary) by protoc-gen-go
	// and protoc-gen-go-grpc.
	pb "workbook/unary"
)

// server implements the generated pb.GreeterServer interface. Embedding
// UnimplementedGreeterServer answers UNIMPLEMENTED for any method we do not
// write (and keeps this compiling when the proto gains one).
type server struct {
	pb.UnimplementedGreeterServer
}

// SayHello answers like the C++ server: an empty name is the caller's
// mistake, INVALID_ARGUMENT with a message saying so.
func (s *server) SayHello(ctx context.Context, in *pb.HelloRequest) (*pb.HelloReply, error) {
	if strings.Trim(in.GetName(), " ") == "" {
		return nil, status.Error(codes.InvalidArgument,
			"name must not be empty: set HelloRequest.name to who to greet")
	}
	return &pb.HelloReply{Message: "Hello, " + in.GetName() + "!"}, nil
}

func main() {
	port := plumbing.ServerPort()
	// The tutorial's RegisterGreeterServer, on the workbook's server.
	plumbing.Serve(func(s *grpc.Server) { pb.RegisterGreeterServer(s, &server{}) }, port)
}
