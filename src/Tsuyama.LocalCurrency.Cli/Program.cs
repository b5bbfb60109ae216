Console.WriteLine("tsuyama-lc");
