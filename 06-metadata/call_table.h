// Lesson 06 (given): the client program's table - several calls' statuses,
// replies, headers and trailers side by side. Printing only; no gRPC here.
#ifndef WORKBOOK_06_METADATA_CALL_TABLE_H_
#define WORKBOOK_06_METADATA_CALL_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

#include "client.h"

namespace workbook::metadata {

/// One call to show, under a column title.
struct TitledCall {
  std::string title;         ///< e.g. "with the token"
  const CallRecord* record;  ///< What the call brought back.
};

/// Prints one column per call - status, replies, headers, trailers, and the
/// ErrorInfo reason of the status details - then one line per call with its
/// full status. A binary value (key ending in -bin) shows as its size and
/// first bytes in hex.
void PrintSideBySide(std::ostream& out, const std::vector<TitledCall>& calls);

}  // namespace workbook::metadata

#endif  // WORKBOOK_06_METADATA_CALL_TABLE_H_
