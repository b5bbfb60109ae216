namespace Tsuyama.LocalCurrency.Simulation.ExpectedFlow;

/// <summary>Dense LU decomposition with partial pivoting; enough for the few dozen sectors a scenario has.</summary>
internal sealed class LinearSolver
{
    private readonly double[,] _lu;
    private readonly int[] _pivot;

    public LinearSolver(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException("The matrix must be square.", nameof(matrix));
        }

        _lu = (double[,])matrix.Clone();
        _pivot = new int[n];
        for (var i = 0; i < n; i++)
        {
            _pivot[i] = i;
        }

        Decompose(n);
    }

    /// <summary>Solves A·x = b.</summary>
    public double[] Solve(double[] b)
    {
        var n = _pivot.Length;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = b[_pivot[i]];
        }

        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++)
            {
                x[i] -= _lu[i, k] * x[k];
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            for (var k = i + 1; k < n; k++)
            {
                x[i] -= _lu[i, k] * x[k];
            }

            x[i] /= _lu[i, i];
        }

        return x;
    }

    private void Decompose(int n)
    {
        for (var col = 0; col < n; col++)
        {
            var best = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(_lu[row, col]) > Math.Abs(_lu[best, col]))
                {
                    best = row;
                }
            }

            if (Math.Abs(_lu[best, col]) < 1e-14)
            {
                throw new InvalidOperationException("The matrix is singular: some money never leaves the region.");
            }

            if (best != col)
            {
                SwapRows(best, col, n);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = _lu[row, col] / _lu[col, col];
                _lu[row, col] = factor;
                for (var k = col + 1; k < n; k++)
                {
                    _lu[row, k] -= factor * _lu[col, k];
                }
            }
        }
    }

    private void SwapRows(int a, int b, int n)
    {
        for (var k = 0; k < n; k++)
        {
            (_lu[a, k], _lu[b, k]) = (_lu[b, k], _lu[a, k]);
        }

        (_pivot[a], _pivot[b]) = (_pivot[b], _pivot[a]);
    }

    /// <summary>I − M for a square matrix M.</summary>
    public static double[,] IdentityMinus(double[,] m, bool transpose = false)
    {
        var n = m.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = (i == j ? 1 : 0) - (transpose ? m[j, i] : m[i, j]);
            }
        }

        return result;
    }
}
