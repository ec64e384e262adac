/** Every built-in test function typed as a custom expression, at its default parameters. */
export const builtinExpressions: Readonly<Record<string, string>> = {
  rosenbrock: '(1 - x)^2 + 100 * (y - x^2)^2',
  narrow_valley: '0.5 * (x^2 + 20 * y^2)',
  saddle: 'x^2 - y^2',
  beale: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
  himmelblau: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  rastrigin: '20 + x^2 - 10 * cos(2*pi*x) + y^2 - 10 * cos(2*pi*y)',
  ackley:
    '-20 * exp(-0.2 * sqrt(0.5 * (x^2 + y^2))) - exp(0.5 * (cos(2*pi*x) + cos(2*pi*y))) + e + 20',
  booth: '(x + 2*y - 7)^2 + (2*x + y - 5)^2',
  six_hump_camel: '(4 - 2.1*x^2 + x^4/3) * x^2 + x*y + (-4 + 4*y^2) * y^2',
  matyas: '0.26 * (x^2 + y^2) - 0.48 * x * y',
  monkey_saddle: 'x^3 - 3*x*y^2',
  styblinski_tang: '0.5 * (x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)',
};
