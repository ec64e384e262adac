import { NormalSource } from '../noise.ts';
import { layoutOf, type Architecture } from './architecture.ts';

/**
 * torch.nn.Linear's default initialisation (`reset_parameters`), drawn from the lab's seeded
 * generator so the same seed gives the same bits in every browser and in Node: the weight by
 * `kaiming_uniform_(a=√5)`, i.e. uniform in ±bound with bound = √3·gain/√fan_in and
 * gain = √(2/(1 + a²)) — computed in torch's order, which gives 1/√fan_in up to rounding — and the
 * bias uniform in ±1/√fan_in. Draws run through the vector in its own order (layer by layer,
 * weight row-major then bias), each as torch's `uniform_(from, to)`: from + (to − from)·u.
 */
export function initialParameters(arch: Pick<Architecture, 'hidden'>, seed: number): Float64Array {
  const { sizes, weight, bias, count } = layoutOf(arch);
  const theta = new Float64Array(count);
  const source = new NormalSource(seed);
  const a = Math.sqrt(5);
  const gain = Math.sqrt(2 / (1 + a * a));
  for (let l = 0; l < weight.length; l++) {
    const fanIn = sizes[l]!;
    const wBound = Math.sqrt(3) * (gain / Math.sqrt(fanIn));
    const bBound = 1 / Math.sqrt(fanIn);
    for (let i = weight[l]!; i < bias[l]!; i++) {
      theta[i] = -wBound + 2 * wBound * source.nextUniform();
    }
    const end = bias[l]! + sizes[l + 1]!;
    for (let i = bias[l]!; i < end; i++) theta[i] = -bBound + 2 * bBound * source.nextUniform();
  }
  return theta;
}
