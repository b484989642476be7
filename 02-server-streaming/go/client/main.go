// Lesson 02's Greeter client in Go: calls SayHelloServerStream the way the
// original tutorial does (a name only) and prints each greeting as it
// arrives:
//
//	build/solution/02-server-streaming/go/client --target=127.0.0.1:50051 --name=Ada
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"

	"google.golang.org/grpc"
	"google.golang.org/grpc/status"

	pb "workbook/server_streaming" // generated from server_streaming.proto
)

func main() {
	target := flag.String("target", "127.0.0.1:50051", "the server's address, host:port")
	name := flag.String("name", "world", "who the server should greet")
	deadlineMs := flag.Int("deadline_ms", 2000, "how long the whole stream may take, in milliseconds")
	flag.Parse()

	conn, err := grpc.Dial(*target, grpc.WithInsecure()) // connects on the first call
	if err != nil {
		fail(*target, err)
	}
	defer conn.Close()
	c := pb.NewGreeterClient(conn)

	// The deadline covers the whole stream, every message of it.
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*deadlineMs)*time.Millisecond)
	defer cancel()
	stream, err := c.SayHelloServerStream(ctx, &pb.HelloRequest{Name: *name})
	if err != nil {
		fail(*target, err)
	}
	for {
		r, err := stream.Recv()
		if err == io.EOF { // the server ended the stream with OK
			break
		}
		if err != nil { // its error, possibly after some greetings
			fail(*target, err)
		}
		fmt.Println("Greeter replied:", r.GetMessage())
	}
}

// fail prints the one line every workbook client prints for a failed call,
// "error: <rpc> to <target> failed: <CODE>: <message>", and exits 1.
func fail(target string, err error) {
	s := status.Convert(err)
	fmt.Fprintf(os.Stderr, "error: SayHelloServerStream to %s failed: %s: %s\n", target, codeName(s.Code().String()), s.Message())
	os.Exit(1)
}

// codeName turns Go's spelling of a status code (InvalidArgument) into the
// one gRPC documents and the C++ and Python clients print (INVALID_ARGUMENT).
func codeName(goName string) string {
	var b strings.Builder
	for i, r := range goName {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(rune(goName[i-1])) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
