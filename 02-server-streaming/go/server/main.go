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
