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
	"flag"
	"fmt"
	"io"
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
