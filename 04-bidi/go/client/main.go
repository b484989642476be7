// Lesson 04's Greeter client in Go: streams names to SayHelloBiStream, each
// request built as the original tutorial builds it (a name only), and prints
// each reply as it arrives:
//
//	build/solution/04-bidi/go/client --name=Ada --name=Grace
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

	pb "workbook/bidi" // generated from bidi.proto
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
	stream, err := c.SayHelloBiStream(ctx)
	if err != nil {
		fail(*target, err)
	}
	// One goroutine sends while this one receives: the two directions are
	// independent, like in the tutorial's Go client.
	go func() {
		for _, name := range toGreet {
			if stream.Send(&pb.HelloRequest{Name: name}) != nil {
				return // the call is over; Recv below reports why
			}
		}
		stream.CloseSend() // no more names
	}()
	for {
		r, err := stream.Recv()
		if err == io.EOF { // the server ended the call with OK
			break
		}
		if err != nil {
			fail(*target, err)
		}
		fmt.Println("Greeter replied:", r.GetMessage())
	}
}

// fail prints the one line every workbook client prints for a failed call,
// "error: <rpc> to <target> failed: <CODE>: <message>", and exits 1.
func fail(target string, err error) {
	s := status.Convert(err)
	fmt.Fprintf(os.Stderr, "error: SayHelloBiStream to %s failed: %s: %s\n", target, codeName(s.Code().String()), s.Message())
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
