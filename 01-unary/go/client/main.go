// Lesson 01's Greeter client in Go, as the original tutorial writes it
// (`go run client/main.go`), built by the workbook's CMake from the lesson's
// own greeter.proto:
//
//	build/solution/01-unary/go/client --target=127.0.0.1:50051 --name=Ada
//
// It greets the C++ server, the Python one, or this lesson's Go server.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode"

	"google.golang.org/grpc"
	"google.golang.org/grpc/status"

	pb "workbook/unary" // generated from greeter.proto
)

func main() {
	target := flag.String("target", "127.0.0.1:50051", "the server's address, host:port")
	name := flag.String("name", "world", "who the server should greet")
	deadlineMs := flag.Int("deadline_ms", 2000, "how long the call may take, in milliseconds")
	flag.Parse()

	// Dial does not connect yet; the first call does. grpc.WithInsecure is
	// the plaintext channel of this gRPC version (later ones spell it
	// insecure.NewCredentials()).
	conn, err := grpc.Dial(*target, grpc.WithInsecure())
	if err != nil {
		fail("SayHello", *target, err)
	}
	defer conn.Close()
	c := pb.NewGreeterClient(conn)

	// The context carries the deadline, like a C++ ClientContext.
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*deadlineMs)*time.Millisecond)
	defer cancel()
	r, err := c.SayHello(ctx, &pb.HelloRequest{Name: *name})
	if err != nil {
		fail("SayHello", *target, err)
	}
	fmt.Println("Greeter replied:", r.GetMessage())
}

// fail prints the one line every workbook client prints for a failed call,
// "error: <rpc> to <target> failed: <CODE>: <message>", and exits 1.
func fail(rpc, target string, err error) {
	s := status.Convert(err)
	fmt.Fprintf(os.Stderr, "error: %s to %s failed: %s: %s\n", rpc, target, codeName(s.Code().String()), s.Message())
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
