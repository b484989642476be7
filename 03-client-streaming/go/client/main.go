// Lesson 03's Greeter client in Go: streams names to SayHelloClientStream,
// each request built as the original tutorial builds it (a name only), and
// prints the one reply:
//
//	build/solution/03-client-streaming/go/client --name=Ada --name=Grace
//
// The flags (--name repeats; default Ada, Grace, Linus), the channel, the
// deadline and the one-line error are common/plumbing/go (package
// workbook/plumbing).
package main

import (
	"fmt"

	"workbook/plumbing"

	pb "workbook/client_streaming" // generated from client_streaming.proto
)

func main() {
	const method = "SayHelloClientStream"
	flags := plumbing.ParseClientFlags(true) // --target, --name..., --deadline_ms
	conn, ctx, done := flags.Connect(method) // the channel; the deadline
	defer done()
	stream, err := pb.NewGreeterClient(conn).SayHelloClientStream(ctx)
	if err != nil {
		plumbing.ReportFailure(method, flags.Target, err)
	}
	for _, name := range flags.Names {
		// Send fails (io.EOF) once the server has ended the call, say after
		// refusing a name; CloseAndRecv then returns the server's status.
		if err := stream.Send(&pb.HelloRequest{Name: name}); err != nil {
			break
		}
	}
	// Close our side ("no more names") and wait for the one reply.
	r, err := stream.CloseAndRecv()
	if err != nil {
		plumbing.ReportFailure(method, flags.Target, err)
	}
	fmt.Println("Greeter replied:", r.GetMessage())
}
