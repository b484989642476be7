// Given code (not a task), the same on both tracks: how the Greeter words its
// one reply.
#include <string>
#include <vector>

#include "server.h"

namespace workbook::client_streaming {

std::string GreetingFor(const std::vector<std::string>& names) {
  if (names.empty()) return "Hello, nobody!";
  std::string list = names.front();
  for (std::size_t i = 1; i < names.size(); ++i) {
    list += (i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  return "Hello, " + list + "!";
}

}  // namespace workbook::client_streaming
