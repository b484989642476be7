#include "server.h"

namespace workbook::deadlines {

grpc::Status FrontdeskService::SignIn(grpc::ServerContext* context,
                                      const SignRequest* request,
                                      SignReply* reply) {
  // TODO(05.2): forward the request to backend_ (GuestBook.Sign) and return
  // the backend's reply and status unchanged. The backend call must:
  // - end no later than the caller's own deadline (the tests read the
  //   deadline the backend sees),
  // - and no later than backend_cap_ from now, when that comes first,
  // - be cancelled when the caller cancels (the tests cancel a caller and
  //   watch the backend),
  // - and hand the backend's error, code and message, back to the caller.
  (void)context;
  (void)request;
  (void)reply;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "Task 05.2: FrontdeskService::SignIn is not written yet "
                      "(exercise/frontdesk.cc)");
}

}  // namespace workbook::deadlines
