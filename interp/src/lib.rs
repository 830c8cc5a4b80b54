//! krait-interp
