// Lesson 04's Greeter client in Go: streams names to SayHelloBiStream, each
// request built as the original tutorial builds it (a name only), and prints
// each reply as it arrives:
//
//	build/solution/04-bidi/go/client --name=Ada --name=Grace
//
// The flags (--name repeats; default Ada, Grace, Linus), the channel, the
// deadline and the one-line error are common/plumbing/go (package
// workbook/plumbing).
package main

import (
	"fmt"
	"io"

	"workbook/plumbing"

	pb "workbook/bidi" // generated from bidi.proto
)

func main() {
	const method = "SayHelloBiStream"
	flags := plumbing.ParseClientFlags(true) // --target, --name..., --deadline_ms
	conn, ctx, done := flags.Connect(method) // the channel; the deadline
	defer done()
	stream, err := pb.NewGreeterClient(conn).SayHelloBiStream(ctx)
	if err != nil {
		plumbing.ReportFailure(method, flags.Target, err)
	}
	// One goroutine sends while this one receives: the two directions are
	// independent, like in the tutorial's Go client.
	go func() {
		for _, name := range flags.Names {
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
			plumbing.ReportFailure(method, flags.Target, err)
		}
		fmt.Println("Greeter replied:", r.GetMessage())
	}
}
