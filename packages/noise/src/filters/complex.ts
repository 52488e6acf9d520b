/** A complex number, used only while designing filters. */
export interface Complex {
  readonly real: number;
  readonly imaginary: number;
}

/** Builds a complex number. */
export function complex(real: number, imaginary = 0): Complex {
  return { real, imaginary };
}

/** left + right. */
export function add(left: Complex, right: Complex): Complex {
  return complex(left.real + right.real, left.imaginary + right.imaginary);
}

/** left − right. */
export function subtract(left: Complex, right: Complex): Complex {
  return complex(left.real - right.real, left.imaginary - right.imaginary);
}

/** left · right. */
export function multiply(left: Complex, right: Complex): Complex {
  return complex(
    left.real * right.real - left.imaginary * right.imaginary,
    left.real * right.imaginary + left.imaginary * right.real,
  );
}

/** left / right. */
export function divide(left: Complex, right: Complex): Complex {
  const denominator = right.real * right.real + right.imaginary * right.imaginary;
  return complex(
    (left.real * right.real + left.imaginary * right.imaginary) / denominator,
    (left.imaginary * right.real - left.real * right.imaginary) / denominator,
  );
}

/** The principal square root. */
export function squareRoot(value: Complex): Complex {
  const modulus = Math.hypot(value.real, value.imaginary);
  const real = Math.sqrt((modulus + value.real) / 2);
  const imaginary = Math.sqrt(Math.max(0, (modulus - value.real) / 2));
  return complex(real, value.imaginary < 0 ? -imaginary : imaginary);
}

/** Scales by a real factor. */
export function scale(value: Complex, factor: number): Complex {
  return complex(value.real * factor, value.imaginary * factor);
}
