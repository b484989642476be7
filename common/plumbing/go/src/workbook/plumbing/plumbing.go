// Package plumbing is what every workbook Go program does around its one
// gRPC method, written once for lessons 01-04: the lesson's server/main.go
// and client/main.go keep what the original tutorial teaches (the server
// type with its method, and the call).
//
// CMake builds the programs in GOPATH mode with this folder's parent
// (common/plumbing/go) on GOPATH, so a lesson imports "workbook/plumbing".
//
// The output is a contract the workbook's tests and `./workbook run` rely on:
//
//	server  --port=N (0: the system picks), a line
//	        "Go Greeter server listening on 127.0.0.1:<port> ...",
//	        exit 0 on SIGTERM or Ctrl-C after a graceful stop;
//	client  --target, --name, --deadline_ms; a failed call is one line on
//	        stderr, "error: <Method> to <target> failed: <CODE>: <message>",
//	        and exit status 1.
package plumbing

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	"unicode"

	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
)

// ServerPort parses the server's command line, --port (default 50051), and
// returns the port.
func ServerPort() int {
	port := flag.Int("port", 50051, "port to listen on (127.0.0.1 only); 0 lets the system pick one")
	flag.Parse()
	return *port
}

// Serve runs a gRPC server on 127.0.0.1:port until SIGTERM or Ctrl-C.
// register adds the lesson's service to it, as the tutorial's main does:
//
//	plumbing.Serve(func(s *grpc.Server) { pb.RegisterGreeterServer(s, &server{}) }, port)
func Serve(register func(*grpc.Server), port int) {
	lis, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		log.Fatalf("error: Go Greeter server cannot listen: %v", err)
	}
	s := grpc.NewServer()
	register(s)

	// Ask for Ctrl-C and SIGTERM before saying we listen, so that a signal
	// sent right after the line is not lost.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		if err := s.Serve(lis); err != nil {
			log.Fatalf("error: Go Greeter server: %v", err)
		}
	}()
	// os.Stdout is not buffered in Go: the line is out at once.
	fmt.Printf("Go Greeter server listening on %s (Ctrl-C stops it)\n", lis.Addr())

	<-stop
	// Refuse new calls and let running ones finish, for 2 s at most.
	timer := time.AfterFunc(2*time.Second, s.Stop)
	s.GracefulStop()
	timer.Stop()
	fmt.Println("Go Greeter server stopped")
}

// ClientFlags is a client's command line.
type ClientFlags struct {
	Target   string        // --target, the server's host:port
	Name     string        // --name, for a client that sends one request
	Names    []string      // every --name, in order, for a client that streams them
	Deadline time.Duration // --deadline_ms
}

// names collects every --name flag, in order.
type names []string

func (n *names) String() string     { return strings.Join(*n, ",") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

// ParseClientFlags parses --target, --name and --deadline_ms. With
// manyNames (lessons 03 and 04) --name may be repeated and fills Names
// (default Ada, Grace, Linus); otherwise it fills Name (default "world").
func ParseClientFlags(manyNames bool) ClientFlags {
	target := flag.String("target", "127.0.0.1:50051", "the server's address, host:port")
	var many names
	var one *string
	if manyNames {
		flag.Var(&many, "name", "a name to send; repeat for more (default: Ada, Grace, Linus)")
	} else {
		one = flag.String("name", "world", "who the server should greet")
	}
	deadlineMs := flag.Int("deadline_ms", 2000, "how long the call may take, in milliseconds")
	flag.Parse()

	flags := ClientFlags{Target: *target, Deadline: time.Duration(*deadlineMs) * time.Millisecond}
	if manyNames {
		flags.Names = many
		if len(flags.Names) == 0 {
			flags.Names = []string{"Ada", "Grace", "Linus"}
		}
	} else {
		flags.Name = *one
	}
	return flags
}

// Connect opens a plaintext channel to --target and makes the call's
// context, which carries the --deadline_ms deadline like a C++ ClientContext
// (for a stream, the deadline covers all of it). The channel does not
// connect yet; the first call does. grpc.WithInsecure is the plaintext
// channel of this gRPC version (later ones spell it
// insecure.NewCredentials()). Should the channel fail, the error line names
// method, the call the client was about to make. done releases both.
func (f ClientFlags) Connect(method string) (conn *grpc.ClientConn, ctx context.Context, done func()) {
	conn, err := grpc.Dial(f.Target, grpc.WithInsecure())
	if err != nil {
		ReportFailure(method, f.Target, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.Deadline)
	return conn, ctx, func() { cancel(); conn.Close() }
}

// ReportFailure prints the one line every workbook client prints for a
// failed call, "error: <method> to <target> failed: <CODE>: <message>", and
// exits 1.
func ReportFailure(method, target string, err error) {
	s := status.Convert(err)
	fmt.Fprintf(os.Stderr, "error: %s to %s failed: %s: %s\n", method, target, codeName(s.Code().String()), s.Message())
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
