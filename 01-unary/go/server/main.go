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
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

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
	port := flag.Int("port", 50051, "port to listen on (127.0.0.1 only); 0 lets the system pick one")
	flag.Parse()

	lis, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		log.Fatalf("error: Go Greeter server cannot listen: %v", err)
	}
	s := grpc.NewServer()
	pb.RegisterGreeterServer(s, &server{})

	// Ask for Ctrl-C and SIGTERM before saying we listen, so that a signal
	// sent right after the line is not lost.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		if err := s.Serve(lis); err != nil {
			log.Fatalf("error: Go Greeter server: %v", err)
		}
	}()
	fmt.Printf("Go Greeter server listening on %s (Ctrl-C stops it)\n", lis.Addr())

	<-stop
	// Refuse new calls and let running ones finish, for 2 s at most.
	timer := time.AfterFunc(2*time.Second, s.Stop)
	s.GracefulStop()
	timer.Stop()
	fmt.Println("Go Greeter server stopped")
}
