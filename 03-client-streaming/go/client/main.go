// Lesson 03's Greeter client in Go: streams names to SayHelloClientStream,
// each request built as the original tutorial builds it (a name only), and
// prints the one reply:
//
//	build/solution/03-client-streaming/go/client --name=Ada --name=Grace
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

	pb "workbook/client_streaming" // generated from client_streaming.proto
)

// names collects every --name flag, in order.
type names []string

func (n *names) String() string     { return strings.Join(*n, ",") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

func main() {
	target := flag.String("target", "127.0.0.1:50051", "the server's address, host:port")
	var toGreet names
	flag.Var(&toGreet, "name", "a name to send; repeat for more (default: Ada, Grace, Linus)")
	deadlineMs := flag.Int("deadline_ms", 2000, "how long the call may take, in milliseconds")
	flag.Parse()
	if len(toGreet) == 0 {
		toGreet = names{"Ada", "Grace", "Linus"}
	}

	conn, err := grpc.Dial(*target, grpc.WithInsecure()) // connects on the first call
	if err != nil {
		fail(*target, err)
	}
	defer conn.Close()
	c := pb.NewGreeterClient(conn)

	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*deadlineMs)*time.Millisecond)
	defer cancel()
	stream, err := c.SayHelloClientStream(ctx)
	if err != nil {
		fail(*target, err)
	}
	for _, name := range toGreet {
		// Send fails (io.EOF) once the server has ended the call, say after
		// refusing a name; CloseAndRecv then returns the server's status.
		if err := stream.Send(&pb.HelloRequest{Name: name}); err != nil {
			break
		}
	}
	// Close our side ("no more names") and wait for the one reply.
	r, err := stream.CloseAndRecv()
	if err != nil {
		fail(*target, err)
	}
	fmt.Println("Greeter replied:", r.GetMessage())
}

// fail prints the one line every workbook client prints for a failed call,
// "error: <rpc> to <target> failed: <CODE>: <message>", and exits 1.
func fail(target string, err error) {
	s := status.Convert(err)
	fmt.Fprintf(os.Stderr, "error: SayHelloClientStream to %s failed: %s: %s\n", target, codeName(s.Code().String()), s.Message())
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
