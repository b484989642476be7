#include "server.h"

namespace workbook::deadlines {

grpc::Status GuestBookService::SignCarefully(grpc::ServerContext& context,
                                             const SignRequest& request,
                                             SignReply* reply) {
  // TODO(05.1): sign `request` into book_ (slow_step_, then SignInto; see
  // NaiveGuestBookService::Sign), but only for a call that can still use the
  // answer:
  // - A call whose remaining time is shorter than signing_time_ gets
  //   DEADLINE_EXCEEDED at once, before the slow step starts (the tests
  //   check that the slow step never ran). A call without a deadline is
  //   never refused for lack of time.
  // - A call whose client is gone by the time the slow step finishes
  //   (cancelled, deadline passed) gets CANCELLED, and the book stays as it
  //   was.
  // The tests check a patient client, one that cancels, one whose deadline
  // passes during the slow step, one with too little time and one without
  // a deadline.
  (void)context;
  (void)request;
  (void)reply;
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      "Task 05.1: GuestBookService::SignCarefully is not "
                      "written yet (exercise/careful_signing.cc)");
}

}  // namespace workbook::deadlines
