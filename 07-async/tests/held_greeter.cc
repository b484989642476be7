#include "tests/held_greeter.h"

#include <algorithm>
#include <utility>

namespace workbook::async::testing {

class HeldGreeter::HeldCall final : public grpc::ServerUnaryReactor {
 public:
  // Members are written here and read in reactions on other threads: the
  // mutex makes gRPC's ordering visible to ThreadSanitizer.
  HeldCall(HeldGreeter& owner, std::string name, HelloReply* reply) {
    std::lock_guard<std::mutex> lock(mutex_);
    owner_ = &owner;
    name_ = std::move(name);
    reply_ = reply;
  }

  std::string name() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return name_;
  }

  // Called by the owner after removing this call from held_, so exactly
  // once: Release() and Cancelled() both remove before they finish.
  void Answer() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      reply_->set_message("Hello, " + name_ + "!");
    }
    Finish(grpc::Status::OK);
  }

  void OnCancel() override { owner()->Cancelled(this); }
  void OnDone() override {
    owner()->Done();
    delete this;
  }

 private:
  HeldGreeter* owner() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return owner_;
  }

  mutable std::mutex mutex_;
  HeldGreeter* owner_ = nullptr;
  std::string name_;
  HelloReply* reply_ = nullptr;
};

HeldGreeter::~HeldGreeter() { std::lock_guard<std::mutex> lock(mutex_); }

grpc::ServerUnaryReactor* HeldGreeter::SayHello(
    grpc::CallbackServerContext* /*context*/, const HelloRequest* request,
    HelloReply* reply) {
  auto* call = new HeldCall(*this, request->name(), reply);
  OnHeld on_held;
  int held = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++open_;
    held_.push_back(call);
    held = static_cast<int>(held_.size());
    on_held = on_held_;
  }
  changed_.notify_all();
  if (on_held) on_held(held);
  return call;
}

void HeldGreeter::set_on_held(OnHeld on_held) {
  std::lock_guard<std::mutex> lock(mutex_);
  on_held_ = std::move(on_held);
}

bool HeldGreeter::Release(const std::string& name) {
  HeldCall* call = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found =
        std::find_if(held_.begin(), held_.end(),
                     [&](HeldCall* held) { return held->name() == name; });
    if (found == held_.end()) return false;
    call = *found;
    held_.erase(found);
  }
  changed_.notify_all();
  // Not held any more, so OnCancel() leaves it alone; and it lives until
  // OnDone(), which comes only after this Finish().
  call->Answer();
  return true;
}

int HeldGreeter::ReleaseAll() {
  std::vector<HeldCall*> calls;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    calls.swap(held_);
  }
  changed_.notify_all();
  for (HeldCall* call : calls) call->Answer();
  return static_cast<int>(calls.size());
}

void HeldGreeter::Cancelled(HeldCall* call) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = std::find(held_.begin(), held_.end(), call);
    if (found == held_.end()) return;  // Released already: finished.
    held_.erase(found);
    ++cancelled_;
  }
  changed_.notify_all();
  call->Finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
}

void HeldGreeter::Done() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --open_;
  }
  changed_.notify_all();
}

int HeldGreeter::held() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(held_.size());
}

bool HeldGreeter::WaitForHeld(int n, std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, bound,
                           [&] { return static_cast<int>(held_.size()) >= n; });
}

int HeldGreeter::cancelled() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return cancelled_;
}

bool HeldGreeter::WaitForCancelled(int n, std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, bound, [&] { return cancelled_ >= n; });
}

int HeldGreeter::open() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

bool HeldGreeter::WaitUntilAllDone(std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, bound, [&] { return open_ == 0; });
}

HoldingReceptionist::~HoldingReceptionist() {
  std::lock_guard<std::mutex> lock(mutex_);
}

void HoldingReceptionist::Arrive(Visitor* visitor, const std::string& name) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_.push_back({visitor, name});
  }
  changed_.notify_all();
}

void HoldingReceptionist::Leave(Visitor* visitor) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found =
        std::find_if(waiting_.begin(), waiting_.end(),
                     [&](const Waiting& w) { return w.visitor == visitor; });
    if (found == waiting_.end()) return;
    waiting_.erase(found);
    ++left_;
  }
  changed_.notify_all();
}

int HoldingReceptionist::GreetAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const Waiting& w : waiting_)
    w.visitor->Greet("Welcome, " + w.name + ".");
  const int greeted = static_cast<int>(waiting_.size());
  waiting_.clear();
  changed_.notify_all();
  return greeted;
}

int HoldingReceptionist::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(waiting_.size());
}

bool HoldingReceptionist::WaitForWaiting(int n,
                                         std::chrono::milliseconds bound) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(
      lock, bound, [&] { return static_cast<int>(waiting_.size()) >= n; });
}

int HoldingReceptionist::left() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return left_;
}

}  // namespace workbook::async::testing
