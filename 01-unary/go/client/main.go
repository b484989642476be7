// Lesson 01's Greeter client in Go, as the original tutorial writes it
// (`go run client/main.go`), built by the workbook's CMake from the lesson's
// own greeter.proto:
//
//	build/solution/01-unary/go/client --target=127.0.0.1:50051 --name=Ada
//
// It greets the C++ server, the Python one, or this lesson's Go server. The
// flags, the channel, the deadline and the one-line error are
// common/plumbing/go (package workbook/plumbing).
package main

import (
	"fmt"

	"workbook/plumbing"

	pb "workbook/unary" // generated from greeter.proto
)

func main() {
	flags := plumbing.ParseClientFlags(false) // --target, --name, --deadline_ms
	// The channel, and the context that carries the call's deadline.
	conn, ctx, done := flags.Connect("SayHello")
	defer done()
	r, err := pb.NewGreeterClient(conn).SayHello(ctx, &pb.HelloRequest{Name: flags.Name})
	if err != nil {
		plumbing.ReportFailure("SayHello", flags.Target, err)
	}
	fmt.Println("Greeter replied:", r.GetMessage())
}
