// Lesson 02's Greeter client in Go: calls SayHelloServerStream the way the
// original tutorial does (a name only) and prints each greeting as it
// arrives:
//
//	build/solution/02-server-streaming/go/client --target=127.0.0.1:50051 --name=Ada
//
// The flags, the channel, the deadline and the one-line error are
// common/plumbing/go (package workbook/plumbing).
package main

import (
	"fmt"
	"io"

	"workbook/plumbing"

	pb "workbook/server_streaming" // generated from server_streaming.proto
)

func main() {
	const method = "SayHelloServerStream"
	flags := plumbing.ParseClientFlags(false) // --target, --name, --deadline_ms
	// The channel, and the context whose deadline covers the whole stream.
	conn, ctx, done := flags.Connect(method)
	defer done()
	stream, err := pb.NewGreeterClient(conn).SayHelloServerStream(ctx, &pb.HelloRequest{Name: flags.Name})
	if err != nil {
		plumbing.ReportFailure(method, flags.Target, err)
	}
	for {
		r, err := stream.Recv()
		if err == io.EOF { // the server ended the stream with OK
			break
		}
		if err != nil { // its error, possibly after some greetings
			plumbing.ReportFailure(method, flags.Target, err)
		}
		fmt.Println("Greeter replied:", r.GetMessage())
	}
}
