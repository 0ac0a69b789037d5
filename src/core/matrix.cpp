#include "core/matrix.hpp"

namespace agglo {

bool LabeledMatrix::has_na() const {
  return values.hasNaN();
}

}  // namespace agglo
